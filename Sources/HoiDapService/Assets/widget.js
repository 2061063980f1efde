/*
 * hoidap chat widget: vanilla JavaScript, no build step.
 *
 * Embed with one tag:
 *   <script src="https://hoidap.example.gov.vn/widget.js" data-endpoint="https://hoidap.example.gov.vn"></script>
 * Options (data attributes of the script tag):
 *   data-endpoint   base URL of the hoidap service (default: where widget.js came from)
 *   data-target     CSS selector of an element to fill (inline); without it a floating button opens a panel
 *   data-ask-param  name of a page query parameter whose value is asked on load (?hoi=...)
 *   data-title      panel title
 * Every text the citizen reads is Vietnamese. Answers are inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[src$="widget.js"]');
  if (!script || window.HoiDapWidget) { return; }
  var scriptOrigin = new URL(script.src, window.location.href).origin;
  var endpoint = (script.getAttribute('data-endpoint') || scriptOrigin).replace(/\/+$/, '');
  var targetSelector = script.getAttribute('data-target');
  var askParam = script.getAttribute('data-ask-param');
  var title = script.getAttribute('data-title') || 'Hỏi đáp thủ tục hành chính';
  var storageKey = 'hoidap.' + endpoint;
  var uid = 0;

  var TEXT = {
    welcome: 'Xin chào! Tôi là trợ lý hỏi đáp thủ tục hành chính của TP. Hồ Chí Minh. Bạn cần hỏi thủ tục gì, hoặc muốn phản ánh sự việc gì?',
    placeholder: 'Nhập câu hỏi, ví dụ: làm lại căn cước bị mất',
    inputLabel: 'Câu hỏi của bạn',
    send: 'Gửi',
    thinking: 'Đang trả lời…',
    you: 'Bạn',
    assistant: 'Trợ lý',
    network: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    busy: 'Hệ thống đang bận, vui lòng thử lại sau ít phút.',
    tooMany: function (s) { return 'Bạn gửi hơi nhanh. Vui lòng thử lại sau ' + s + ' giây.'; },
    procedure: 'Thủ tục',
    code: 'mã',
    sources: 'Nguồn',
    choose: 'Bạn hỏi về thủ tục nào?',
    suggestions: 'Gợi ý câu hỏi',
    ticket: 'Mã phiếu phản ánh của bạn',
    ticketHint: 'Hãy lưu lại mã phiếu và số điện thoại để tra cứu kết quả.',
    escalateTitle: 'Gửi phản ánh đến Trung tâm 1022',
    what: 'Sự việc cần phản ánh',
    where: 'Địa điểm (số nhà, đường, phường/xã)',
    name: 'Họ và tên',
    phone: 'Số điện thoại',
    submitReport: 'Gửi phản ánh',
    cancel: 'Hủy',
    required: 'Vui lòng điền mục này.',
    badPhone: 'Số điện thoại chưa đúng. Số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09; số bàn bắt đầu bằng 02 và có 11 chữ số.',
    lookupOpen: 'Tra cứu phiếu phản ánh',
    lookupTitle: 'Tra cứu phiếu phản ánh',
    lookupCode: 'Mã phiếu (ví dụ 1022-7KQ4-XM2D)',
    lookupSubmit: 'Tra cứu',
    restart: 'Cuộc trò chuyện mới',
    open: 'Hỏi đáp',
    close: 'Đóng',
    initialChips: ['Làm lại căn cước bị mất', 'Đăng ký khai sinh cần giấy tờ gì?', 'Phản ánh đường hư, ổ gà', 'Tra cứu phiếu phản ánh']
  };

  // ---- small DOM helpers -------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function nextId(prefix) { uid += 1; return 'hd-' + prefix + '-' + uid; }

  function button(text, className, onClick) {
    var b = el('button', className, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function safeURL(value) {
    try {
      var url = new URL(String(value), endpoint + '/');
      return (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
    } catch (e) { return null; }
  }

  // ---- phone numbers (the same rules as the server's PhoneNumber) ----------

  function normalizePhone(text) {
    var digits = String(text).replace(/[\s.\-()]/g, '');
    if (/^\+84/.test(digits)) { digits = '0' + digits.slice(3); }
    else if (/^84\d{9,10}$/.test(digits)) { digits = '0' + digits.slice(2); }
    if (/^00/.test(digits)) { digits = digits.slice(1); }
    return digits;
  }

  function isValidPhone(text) {
    var digits = normalizePhone(text);
    return /^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits);
  }

  // ---- state kept for the browser tab --------------------------------------

  function loadState() {
    try { return JSON.parse(window.sessionStorage.getItem(storageKey)) || {}; } catch (e) { return {}; }
  }

  function saveState() {
    try { window.sessionStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  var state = loadState();
  if (!Array.isArray(state.log)) { state.log = []; }

  // ---- layout --------------------------------------------------------------

  var root = el('section', 'hd-widget');
  root.setAttribute('aria-label', title);
  var header = el('div', 'hd-header');
  var heading = el('h2', 'hd-title', title);
  heading.id = nextId('title');
  root.setAttribute('aria-labelledby', heading.id);
  header.appendChild(heading);
  root.appendChild(header);

  var log = el('div', 'hd-log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-relevant', 'additions');
  log.setAttribute('tabindex', '0');
  log.setAttribute('aria-label', 'Nội dung trò chuyện');
  root.appendChild(log);

  var status = el('p', 'hd-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  root.appendChild(status);

  var chips = el('div', 'hd-chips');
  chips.setAttribute('role', 'group');
  chips.setAttribute('aria-label', TEXT.suggestions);
  root.appendChild(chips);

  var form = el('form', 'hd-form');
  var inputId = nextId('input');
  var label = el('label', 'hd-visually-hidden', TEXT.inputLabel);
  label.htmlFor = inputId;
  var input = el('input', 'hd-input');
  input.id = inputId;
  input.type = 'text';
  input.maxLength = 2000;
  input.autocomplete = 'off';
  input.placeholder = TEXT.placeholder;
  input.setAttribute('enterkeyhint', 'send');
  var sendButton = el('button', 'hd-send', TEXT.send);
  sendButton.type = 'submit';
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(sendButton);
  root.appendChild(form);

  var tools = el('div', 'hd-tools');
  tools.appendChild(button(TEXT.lookupOpen, 'hd-link hd-lookup-open', function () { showLookup(); }));
  tools.appendChild(button(TEXT.restart, 'hd-link hd-restart', function () { restart(); }));
  root.appendChild(tools);

  var busy = false;

  // ---- rendering -----------------------------------------------------------

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function addUser(text, remember) {
    var item = el('div', 'hd-msg hd-user');
    item.appendChild(el('span', 'hd-visually-hidden', TEXT.you + ': '));
    item.appendChild(el('p', 'hd-text', text));
    log.appendChild(item);
    if (remember !== false) { state.log.push({ role: 'user', text: text }); trimLog(); saveState(); }
    scrollDown();
  }

  function addBot(text, extraClass, remember) {
    var item = el('div', 'hd-msg hd-bot' + (extraClass ? ' ' + extraClass : ''));
    item.appendChild(el('span', 'hd-visually-hidden', TEXT.assistant + ': '));
    item.appendChild(el('p', 'hd-text hd-answer', text));
    log.appendChild(item);
    if (remember !== false) { state.log.push({ role: 'bot', text: text }); trimLog(); saveState(); }
    scrollDown();
    return item;
  }

  function trimLog() { if (state.log.length > 60) { state.log = state.log.slice(-60); } }

  function setChips(list) {
    chips.textContent = '';
    (list || []).slice(0, 6).forEach(function (text) {
      if (typeof text !== 'string' || !text) { return; }
      chips.appendChild(button(text, 'hd-chip', function () {
        if (text === TEXT.lookupOpen) { showLookup(); } else { ask(text); }
      }));
    });
  }

  function renderReply(reply) {
    if (reply && typeof reply.session === 'string') { state.session = reply.session; saveState(); }
    var item = addBot(reply && reply.answer ? String(reply.answer) : TEXT.busy, reply && reply.intent ? 'hd-intent-' + reply.intent : '');
    if (reply && reply.intent) { item.setAttribute('data-intent', String(reply.intent)); }

    var procedure = reply && reply.procedure;
    if (procedure && procedure.title) {
      var about = TEXT.procedure + ': ' + procedure.title + (procedure.code ? ' (' + TEXT.code + ' ' + procedure.code + ')' : '');
      item.appendChild(el('p', 'hd-procedure', about));
    }

    var sources = [];
    if (reply && Array.isArray(reply.sources)) { sources = reply.sources; }
    else if (procedure && procedure.url) { sources = [{ title: procedure.title, url: procedure.url }]; }
    var links = sources.map(function (s) { return s && safeURL(s.url) ? s : null; }).filter(Boolean);
    if (links.length) {
      var box = el('div', 'hd-sources');
      box.appendChild(el('span', 'hd-sources-label', TEXT.sources + ':'));
      var list = el('ul');
      links.slice(0, 5).forEach(function (s) {
        var li = el('li');
        var a = el('a', null, s.title || s.url);
        a.href = safeURL(s.url);
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        li.appendChild(a);
        list.appendChild(li);
      });
      box.appendChild(list);
      item.appendChild(box);
    }

    if (reply && reply.intent === 'clarify' && Array.isArray(reply.candidates) && reply.candidates.length) {
      var choices = el('div', 'hd-choices');
      choices.setAttribute('role', 'group');
      choices.setAttribute('aria-label', TEXT.choose);
      reply.candidates.slice(0, 6).forEach(function (c) {
        if (!c || !c.title) { return; }
        choices.appendChild(button(String(c.title), 'hd-choice', function () { ask(String(c.title)); }));
      });
      item.appendChild(choices);
    }

    if (reply && reply.ticket && reply.ticket.code) {
      var card = el('div', 'hd-ticket');
      card.appendChild(el('p', 'hd-ticket-label', TEXT.ticket));
      card.appendChild(el('p', 'hd-ticket-code', String(reply.ticket.code)));
      card.appendChild(el('p', 'hd-ticket-hint', TEXT.ticketHint));
      item.appendChild(card);
      state.log.push({ role: 'bot', text: TEXT.ticket + ': ' + reply.ticket.code });
      saveState();
      closeEscalation();
    } else if (reply && reply.intent === 'escalate' && !escalation && !escalationSending) {
      showEscalation();
    }

    setChips(reply && Array.isArray(reply.suggestions) ? reply.suggestions : []);
  }

  // ---- talking to the server -----------------------------------------------

  function post(path, body) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? window.setTimeout(function () { controller.abort(); }, 20000) : null;
    return window.fetch(endpoint + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (timer) { window.clearTimeout(timer); }
      return response.json().catch(function () { return null; }).then(function (json) {
        if (response.ok) { return json; }
        var error = new Error('http');
        error.status = response.status;
        error.retryAfter = response.headers.get('Retry-After');
        error.message = json && json.error && json.error.message ? json.error.message : '';
        throw error;
      });
    });
  }

  function explain(error) {
    if (!error || !error.status) { return TEXT.network; }
    if (error.status === 429) { return TEXT.tooMany(error.retryAfter || '60'); }
    if ((error.status === 400 || error.status === 404) && error.message) { return error.message; }
    return TEXT.busy;
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    root.setAttribute('aria-busy', value ? 'true' : 'false');
    status.textContent = value ? TEXT.thinking : '';
  }

  function send(text) {
    var body = { message: text };
    if (state.session) { body.session = state.session; }
    return post('/api/chat', body);
  }

  function ask(text) {
    text = String(text || '').normalize('NFC').trim();
    if (!text || busy) { return Promise.resolve(); }
    if (text === TEXT.lookupOpen) { showLookup(); return Promise.resolve(); }
    addUser(text);
    setChips([]);
    setBusy(true);
    return send(text).then(function (reply) {
      setBusy(false);
      renderReply(reply);
    }, function (error) {
      setBusy(false);
      addBot(explain(error), 'hd-error-msg', false);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) { input.focus(); return; }
    input.value = '';
    ask(text).then(function () { input.focus(); });
  });

  // ---- escalation: a short form whose answers are sent as chat messages ------

  var escalation = null;
  var escalationSending = false;

  function field(form, name, labelText, type) {
    var id = nextId(name);
    var wrap = el('div', 'hd-field');
    var lab = el('label', null, labelText);
    lab.htmlFor = id;
    var control = type === 'textarea' ? el('textarea') : el('input');
    if (type !== 'textarea') { control.type = type || 'text'; }
    if (type === 'tel') { control.autocomplete = 'tel'; control.inputMode = 'tel'; }
    if (name === 'name') { control.autocomplete = 'name'; }
    control.id = id;
    control.name = name;
    control.required = true;
    control.maxLength = name === 'what' ? 1000 : 200;
    var error = el('p', 'hd-field-error');
    error.id = id + '-error';
    error.hidden = true;
    control.setAttribute('aria-describedby', error.id);
    wrap.appendChild(lab);
    wrap.appendChild(control);
    wrap.appendChild(error);
    form.appendChild(wrap);
    return { control: control, error: error };
  }

  function showEscalation() {
    closeEscalation();
    var box = el('form', 'hd-escalate');
    box.noValidate = true;
    var fieldset = el('fieldset');
    fieldset.appendChild(el('legend', null, TEXT.escalateTitle));
    box.appendChild(fieldset);
    var fields = {
      what: field(fieldset, 'what', TEXT.what, 'textarea'),
      where: field(fieldset, 'where', TEXT.where, 'text'),
      name: field(fieldset, 'name', TEXT.name, 'text'),
      phone: field(fieldset, 'phone', TEXT.phone, 'tel')
    };
    var actions = el('div', 'hd-actions');
    var submit = el('button', 'hd-primary', TEXT.submitReport);
    submit.type = 'submit';
    actions.appendChild(submit);
    actions.appendChild(button(TEXT.cancel, 'hd-secondary', function () { closeEscalation(); input.focus(); }));
    box.appendChild(actions);
    box.addEventListener('submit', function (event) {
      event.preventDefault();
      var firstBad = null;
      ['what', 'where', 'name', 'phone'].forEach(function (key) {
        var f = fields[key];
        var value = f.control.value.trim();
        var message = '';
        if (!value) { message = TEXT.required; }
        else if (key === 'phone' && !isValidPhone(value)) { message = TEXT.badPhone; }
        f.error.textContent = message;
        f.error.hidden = !message;
        f.control.setAttribute('aria-invalid', message ? 'true' : 'false');
        if (message && !firstBad) { firstBad = f.control; }
      });
      if (firstBad) { firstBad.focus(); return; }
      var answers = ['what', 'where', 'name', 'phone'].map(function (key) { return fields[key].control.value; });
      closeEscalation();
      sendAnswers(answers);
    });
    escalation = box;
    root.insertBefore(box, form);
    fields.what.control.focus();
  }

  function closeEscalation() {
    if (escalation && escalation.parentNode) { escalation.parentNode.removeChild(escalation); }
    escalation = null;
  }

  // Sends what, where, name and phone in turn; stops when the conversation leaves the
  // escalation flow (a ticket was filed, or the engine answered something else).
  function sendAnswers(answers) {
    escalationSending = true;
    var index = 0;
    function next() {
      if (index >= answers.length) { escalationSending = false; return Promise.resolve(); }
      var text = String(answers[index]).normalize('NFC').trim();
      index += 1;
      addUser(text);
      setBusy(true);
      return send(text).then(function (reply) {
        setBusy(false);
        var last = index >= answers.length || (reply && reply.ticket) || !reply || reply.intent !== 'escalate';
        if (last) { escalationSending = false; }
        renderReply(reply);
        return last ? null : next();
      }, function (error) {
        setBusy(false);
        escalationSending = false;
        addBot(explain(error), 'hd-error-msg', false);
      });
    }
    return next();
  }

  // ---- ticket lookup --------------------------------------------------------

  var lookup = null;

  function showLookup() {
    if (lookup) { lookup.querySelector('input').focus(); return; }
    closeEscalation();
    var box = el('form', 'hd-lookup');
    box.noValidate = true;
    var fieldset = el('fieldset');
    fieldset.appendChild(el('legend', null, TEXT.lookupTitle));
    box.appendChild(fieldset);
    var code = field(fieldset, 'code', TEXT.lookupCode, 'text');
    var phone = field(fieldset, 'phone', TEXT.phone, 'tel');
    var actions = el('div', 'hd-actions');
    var submit = el('button', 'hd-primary', TEXT.lookupSubmit);
    submit.type = 'submit';
    actions.appendChild(submit);
    actions.appendChild(button(TEXT.cancel, 'hd-secondary', function () { closeLookup(); input.focus(); }));
    box.appendChild(actions);
    box.addEventListener('submit', function (event) {
      event.preventDefault();
      var codeValue = code.control.value.trim().toUpperCase();
      var phoneValue = phone.control.value.trim();
      code.error.textContent = codeValue ? '' : TEXT.required;
      code.error.hidden = !!codeValue;
      var phoneMessage = !phoneValue ? TEXT.required : (isValidPhone(phoneValue) ? '' : TEXT.badPhone);
      phone.error.textContent = phoneMessage;
      phone.error.hidden = !phoneMessage;
      if (!codeValue) { code.control.focus(); return; }
      if (phoneMessage) { phone.control.focus(); return; }
      closeLookup();
      addUser(TEXT.lookupTitle + ': ' + codeValue, false);
      setBusy(true);
      post('/api/tickets/lookup', { code: codeValue, phone: phoneValue }).then(function (view) {
        setBusy(false);
        addBot(view && view.summary ? view.summary : TEXT.busy, 'hd-lookup-result', false);
        input.focus();
      }, function (error) {
        setBusy(false);
        addBot(explain(error), 'hd-error-msg', false);
        input.focus();
      });
    });
    lookup = box;
    root.insertBefore(box, form);
    code.control.focus();
  }

  function closeLookup() {
    if (lookup && lookup.parentNode) { lookup.parentNode.removeChild(lookup); }
    lookup = null;
  }

  function restart() {
    state = { log: [] };
    saveState();
    log.textContent = '';
    closeEscalation();
    closeLookup();
    addBot(TEXT.welcome, 'hd-welcome', false);
    setChips(TEXT.initialChips);
    input.focus();
  }

  // ---- placing the widget ---------------------------------------------------

  function ensureStyle() {
    if (document.querySelector('link[data-hoidap-style]')) { return; }
    var existing = document.querySelector('link[href$="widget.css"]');
    if (existing) { return; }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = endpoint + '/widget.css';
    link.setAttribute('data-hoidap-style', '');
    document.head.appendChild(link);
  }

  var launcherButton = null;

  function mount() {
    ensureStyle();
    var target = targetSelector ? document.querySelector(targetSelector) : null;
    if (target) {
      root.classList.add('hd-inline');
      target.appendChild(root);
    } else {
      root.classList.add('hd-floating');
      root.id = nextId('panel');
      root.hidden = true;
      var launcher = button(TEXT.open, 'hd-launcher', function () {
        var opening = root.hidden;
        root.hidden = !opening;
        launcher.setAttribute('aria-expanded', opening ? 'true' : 'false');
        if (opening) { input.focus(); }
      });
      launcherButton = launcher;
      launcher.setAttribute('aria-controls', root.id);
      launcher.setAttribute('aria-expanded', 'false');
      header.appendChild(button(TEXT.close, 'hd-close', function () {
        root.hidden = true;
        launcher.setAttribute('aria-expanded', 'false');
        launcher.focus();
      }));
      root.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
          root.hidden = true;
          launcher.setAttribute('aria-expanded', 'false');
          launcher.focus();
        }
      });
      document.body.appendChild(launcher);
      document.body.appendChild(root);
    }

    addBot(TEXT.welcome, 'hd-welcome', false);
    state.log.forEach(function (entry) {
      if (entry.role === 'user') { addUser(entry.text, false); } else { addBot(entry.text, null, false); }
    });
    setChips(TEXT.initialChips);

    var question = askParam ? new URLSearchParams(window.location.search).get(askParam) : null;
    if (question) {
      if (root.hidden) {
        root.hidden = false;
        if (launcherButton) { launcherButton.setAttribute('aria-expanded', 'true'); }
      }
      ask(question);
    }
  }

  window.HoiDapWidget = { ask: ask, lookup: showLookup, isValidPhone: isValidPhone };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mount);
  } else {
    mount();
  }
})();
