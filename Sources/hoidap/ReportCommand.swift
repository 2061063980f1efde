import ArgumentParser
import Foundation
import Tickets

/// `hoidap report`: the leaders' Friday digest, heat-map statistics and the public results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports on 1022 tickets: weekly digest, statistics, public results.",
        subcommands: [ReportWeeklyCommand.self, ReportStatsCommand.self, ReportPublicCommand.self]
    )
}

extension ReportFormat: ExpressibleByArgument {}

/// `hoidap report weekly [--week 2026-W48]`: the same document the Friday scheduler writes.
struct ReportWeeklyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "weekly", abstract: "The weekly digest per unit and for the whole city.")

    @OptionGroup var store: TicketStoreOptions

    @Option(help: "The ISO week, e.g. 2026-W48 (default: the current week).")
    var week: String?

    @Option(help: "text, markdown, json, html (csv gives the per-unit table).")
    var format: ReportFormat = .text

    @Option(help: "How many of the most overdue tickets to list.")
    var top = 10

    func run() throws {
        let isoWeek: ISOWeek
        if let week {
            guard let parsed = ISOWeek(week) else { throw ValidationError("--week must look like 2026-W48 (a week the year has)") }
            isoWeek = parsed
        } else {
            isoWeek = ISOWeek(containing: Date())
        }
        let store = try store.openStore()
        let report = try withTicketErrors { try store.weeklyReport(week: isoWeek, topOverdue: top) }
        print(report.render(format), terminator: "")
    }
}

/// `hoidap report stats --by ward`: counts for a heat map, with an SVG bar chart in HTML.
struct ReportStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Ticket counts per ward, category or unit.")

    @OptionGroup var store: TicketStoreOptions

    @Option(help: "Group by ward, category or unit.")
    var by: Grouping = .ward

    @Option(help: "csv, json or html.")
    var format: ReportFormat = .csv

    @Option(help: "Created on or after (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Created before (YYYY-MM-DD).")
    var to: String?

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case ward, category, unit
    }

    func run() throws {
        let store = try store.openStore()
        let grouping = StatsReport.Grouping(rawValue: by.rawValue)!
        let report = try withTicketErrors {
            try store.statsReport(by: grouping, from: try from.map { try parseTime($0, option: "--from") },
                                  to: try to.map { try parseTime($0, option: "--to") })
        }
        print(report.render(format), terminator: "")
    }
}

/// `hoidap report public --month 2026-11`: per-unit results without personal data.
struct ReportPublicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "public", abstract: "Per-unit received, resolved and on-time rate, without personal data.")

    @OptionGroup var store: TicketStoreOptions

    @Option(help: "A month, e.g. 2026-11 (default: the current month).")
    var month: String?

    @Option(help: "Start date (YYYY-MM-DD), instead of --month.")
    var from: String?

    @Option(help: "End date, exclusive (YYYY-MM-DD), with --from.")
    var to: String?

    @Option(help: "text, json, html or csv.")
    var format: ReportFormat = .text

    func run() throws {
        let (start, end) = try period()
        let store = try store.openStore()
        let report = try withTicketErrors { try store.publicReport(from: start, to: end) }
        print(report.render(format), terminator: "")
    }

    func period() throws -> (Date, Date) {
        if let from {
            let start = try parseTime(from, option: "--from")
            let end = try to.map { try parseTime($0, option: "--to") } ?? Date()
            guard start < end else { throw ValidationError("--from must be before --to") }
            return (start, end)
        }
        let first: LocalDate
        if let month {
            guard let date = LocalDate(month + "-01") else { throw ValidationError("--month must look like 2026-11") }
            first = date
        } else {
            let today = TicketTime.localDate(Date())
            first = LocalDate(year: today.year, month: today.month, day: 1)
        }
        let next = first.month == 12 ? LocalDate(year: first.year + 1, month: 1, day: 1) : LocalDate(year: first.year, month: first.month + 1, day: 1)
        return (TicketTime.instant(first), TicketTime.instant(next))
    }
}
