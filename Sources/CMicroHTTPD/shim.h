#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H
// libmicrohttpd for Swift. Swift cannot call C variadic functions, so the variadic entry
// points (MHD_start_daemon, MHD_get_connection_info, MHD_get_daemon_info) get fixed-argument
// static inline wrappers here, the way GRDB wraps sqlite3_config.
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

/// Why hd_start_daemon returned NULL.
enum hd_start_error {
    HD_START_OK = 0,
    /// `host` is not a numeric IPv4 or IPv6 address.
    HD_START_BAD_HOST = 1,
    /// MHD_start_daemon failed (address in use, no permission, out of descriptors…); see errno.
    HD_START_FAILED = 2,
};

/// Starts a daemon listening on `host`:`port` (port 0: an ephemeral port, read it back with
/// hd_daemon_port) in internal-thread mode with a pool of `threads` threads.
///
/// - `handler`/`handler_cls`: the access handler and its context (the server object).
/// - `completed`/`completed_cls`: MHD_OPTION_NOTIFY_COMPLETED, called once per request
///   whose access handler was called, also when the client went away (releases *con_cls).
/// - `timeout_seconds`: MHD_OPTION_CONNECTION_TIMEOUT, idle time before MHD closes a
///   connection (0: never).
/// - `connection_limit`: MHD_OPTION_CONNECTION_LIMIT; MHD refuses connections beyond it.
/// - `per_ip_limit`: MHD_OPTION_PER_IP_CONNECTION_LIMIT (0: unlimited; keep 0 behind a proxy).
/// - `memory_limit`: MHD_OPTION_CONNECTION_MEMORY_LIMIT, the per-connection buffer for the
///   request line and headers; larger headers get MHD's own 431/413.
static inline struct MHD_Daemon *hd_start_daemon(unsigned int flags, const char *host, uint16_t port,
                                                 MHD_AccessHandlerCallback handler, void *handler_cls,
                                                 MHD_RequestCompletedCallback completed, void *completed_cls,
                                                 unsigned int threads, unsigned int timeout_seconds,
                                                 unsigned int connection_limit, unsigned int per_ip_limit,
                                                 size_t memory_limit, int *error) {
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    const struct sockaddr *address = NULL;
    memset(&v4, 0, sizeof v4);
    memset(&v6, 0, sizeof v6);
    if (inet_pton(AF_INET, host, &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(port);
        address = (const struct sockaddr *)&v4;
    } else if (inet_pton(AF_INET6, host, &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(port);
        address = (const struct sockaddr *)&v6;
        flags |= MHD_USE_IPv6;
    } else {
        *error = HD_START_BAD_HOST;
        return NULL;
    }
    // MHD copies the address when it binds, so stack storage is enough.
    struct MHD_Daemon *daemon = MHD_start_daemon(
        flags, port, NULL, NULL, handler, handler_cls,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_cls,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_TIMEOUT, timeout_seconds,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip_limit,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory_limit,
        MHD_OPTION_SOCK_ADDR, address,
        MHD_OPTION_END);
    *error = daemon == NULL ? HD_START_FAILED : HD_START_OK;
    return daemon;
}

/// The port the daemon is bound to (useful after asking for port 0); 0 when unknown.
static inline uint16_t hd_daemon_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/// Writes the client's numeric address into `buffer` (NUL-terminated); returns 0 when unknown.
static inline int hd_client_address(struct MHD_Connection *connection, char *buffer, size_t size) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) return 0;
    const struct sockaddr *address = info->client_addr;
    const char *written = NULL;
    if (address->sa_family == AF_INET) {
        written = inet_ntop(AF_INET, &((const struct sockaddr_in *)address)->sin_addr, buffer, (socklen_t)size);
    } else if (address->sa_family == AF_INET6) {
        written = inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)address)->sin6_addr, buffer, (socklen_t)size);
    }
    return written != NULL;
}

#endif
