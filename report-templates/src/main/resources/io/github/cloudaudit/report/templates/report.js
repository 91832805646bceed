/* Cloud audit report: pages, filters, sorts and searches the full finding and server lists held in the page's
 * JSON data block. Values only ever reach the page through textContent, never as markup. Without this script the
 * page still shows the first findings and servers as rendered. */
(function () {
  'use strict';

  var dataElement = document.getElementById('report-data');
  if (!dataElement || !('content' in document.createElement('template'))) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var strings = data.strings;
  var labels = data.labels;
  var findings = data.items.findings;
  var servers = data.items.servers;
  var SEVERITY_KEYS = ['critical', 'high', 'medium', 'low', 'info'];
  // Positions in a finding array, as ReportData writes them.
  var SEV = 0, RULE = 1, SERVER = 2, MESSAGE = 3, EVIDENCE = 4, SUPPRESSION = 5, UNVERIFIED = 6,
    PROVIDER = 7, ACCOUNT = 8, REGION = 9, OWNER = 10, RESOURCE_ID = 11, RESOURCE_NAME = 12, SOURCE = 13;
  // Positions in a server array.
  var S_NAME = 0, S_ID = 1, S_SEVERITY = 2, S_COUNT = 3, S_FACTS = 4, S_TAGS = 5;
  // Positions in a rule array.
  var R_ID = 0, R_TITLE = 1, R_CATEGORY = 2, R_RATIONALE = 3, R_REMEDIATION = 4, R_REFERENCES = 5;
  var FINDINGS_PER_PAGE = 100;
  var SERVERS_PER_PAGE = 50;
  var numbers = new Intl.NumberFormat(document.documentElement.lang || 'en');

  function text(index) {
    return index < 0 ? null : strings[index];
  }

  function format(pattern, values) {
    return pattern.replace(/\{(\d)\}/g, function (match, position) {
      return numbers.format(values[Number(position)]);
    });
  }

  function slot(root, name, value) {
    var element = root.querySelector('[data-slot="' + name + '"]');
    if (element) {
      element.textContent = value === null || value === undefined ? '' : value;
    }
    return element;
  }

  function showWhen(root, name, visible) {
    var element = root.querySelector('[data-when="' + name + '"]');
    if (element) {
      element.hidden = !visible;
    }
  }

  function element(tag, className, content) {
    var created = document.createElement(tag);
    if (className) {
      created.className = className;
    }
    if (content !== undefined && content !== null) {
      created.textContent = content;
    }
    return created;
  }

  function fillList(list, items) {
    list.textContent = '';
    items.forEach(function (item) {
      list.appendChild(element('li', null, item));
    });
  }

  function cloneTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (term) { return term.length > 0; });
  }

  function matchesAll(haystack, queryTerms) {
    for (var i = 0; i < queryTerms.length; i++) {
      if (haystack.indexOf(queryTerms[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A pager over a list of indexes: renders one page and keeps the status line and buttons in step. */
  function Pager(nav, status, perPage, statusPattern, emptyText, render) {
    var self = this;
    this.items = [];
    this.page = 0;
    this.show = function (items, keepPage) {
      self.items = items;
      if (!keepPage) {
        self.page = 0;
      }
      var pages = Math.max(1, Math.ceil(items.length / perPage));
      self.page = Math.min(self.page, pages - 1);
      var from = self.page * perPage;
      var to = Math.min(items.length, from + perPage);
      render(items.slice(from, to));
      status.textContent = items.length === 0 ? emptyText : format(statusPattern, [from + 1, to, items.length]);
      nav.hidden = items.length <= perPage;
      nav.querySelector('[data-page="prev"]').disabled = self.page === 0;
      nav.querySelector('[data-page="next"]').disabled = to >= items.length;
    };
    nav.addEventListener('click', function (event) {
      var button = event.target.closest('[data-page]');
      if (!button) {
        return;
      }
      self.page += button.getAttribute('data-page') === 'next' ? 1 : -1;
      self.show(self.items, true);
      status.scrollIntoView({ block: 'start' });
    });
  }

  /* ---- Findings table ---- */

  var findingsBody = document.getElementById('findings-body');
  var filterForm = document.getElementById('findings-filters');
  var findingHaystacks = [];
  var sortKey = 'severity';
  var sortDirection = 1;

  function findingRow(index) {
    var finding = findings[index];
    var rule = data.rules[finding[RULE]];
    var severity = SEVERITY_KEYS[finding[SEV]];
    var row = cloneTemplate('finding-row-template');
    var suppressed = finding[SUPPRESSION] >= 0;
    row.setAttribute('data-sev', severity);
    row.classList.toggle('is-suppressed', suppressed);
    slot(row, 'severity', labels.severity[finding[SEV]]).setAttribute('data-sev', severity);
    var name = slot(row, 'resourceName', text(finding[RESOURCE_NAME]));
    if (name && finding[RESOURCE_NAME] < 0) {
      name.remove();
    }
    slot(row, 'resourceId', text(finding[RESOURCE_ID])).title = text(finding[RESOURCE_ID]) || '';
    slot(row, 'resourceIdFull', text(finding[RESOURCE_ID]));
    slot(row, 'message', text(finding[MESSAGE]));
    slot(row, 'ruleId', rule[R_ID]);
    slot(row, 'ruleTitle', rule[R_TITLE]);
    slot(row, 'category', rule[R_CATEGORY]);
    slot(row, 'origin', text(finding[SOURCE]));
    slot(row, 'provider', data.dims.provider[finding[PROVIDER]]);
    slot(row, 'account', data.dims.account[finding[ACCOUNT]]);
    slot(row, 'region', data.dims.region[finding[REGION]]);
    slot(row, 'owner', data.dims.owner[finding[OWNER]]);
    slot(row, 'rationale', rule[R_RATIONALE]);
    slot(row, 'remediation', rule[R_REMEDIATION]);
    showWhen(row, 'rationale', rule[R_RATIONALE] !== null);
    showWhen(row, 'remediation', rule[R_REMEDIATION] !== null);
    showWhen(row, 'references', rule[R_REFERENCES].length > 0);
    showWhen(row, 'evidence', finding[EVIDENCE].length > 0);
    showWhen(row, 'unverified', finding[UNVERIFIED] === 1);
    showWhen(row, 'suppressed', suppressed);
    fillList(row.querySelector('[data-list="evidence"]'), finding[EVIDENCE].map(text));
    fillList(row.querySelector('[data-list="references"]'), rule[R_REFERENCES]);
    if (suppressed) {
      var note = data.suppressions[finding[SUPPRESSION]];
      slot(row, 'justification', note[0]);
      slot(row, 'expires', note[1]);
      slot(row, 'origin', note[2]);
    }
    return row;
  }

  function findingHaystack(index) {
    if (findingHaystacks[index] === undefined) {
      var f = findings[index];
      findingHaystacks[index] = [text(f[RESOURCE_ID]), text(f[RESOURCE_NAME]), text(f[MESSAGE]),
        f[EVIDENCE].map(text).join(' '), data.rules[f[RULE]][R_ID], data.dims.account[f[ACCOUNT]],
        data.dims.region[f[REGION]], data.dims.owner[f[OWNER]], data.dims.provider[f[PROVIDER]]]
        .join('\n').toLowerCase();
    }
    return findingHaystacks[index];
  }

  var sortValues = {
    severity: function (f) { return f[SEV]; },
    resource: function (f) { return (text(f[RESOURCE_NAME]) || text(f[RESOURCE_ID]) || '').toLowerCase(); },
    rule: function (f) { return data.rules[f[RULE]][R_ID]; },
    account: function (f) {
      return data.dims.provider[f[PROVIDER]] + ' ' + data.dims.account[f[ACCOUNT]] + ' ' + data.dims.region[f[REGION]];
    },
    owner: function (f) { return data.dims.owner[f[OWNER]].toLowerCase(); }
  };

  function filterValue(name) {
    var field = filterForm.querySelector('[data-filter="' + name + '"]');
    return field.value;
  }

  function selectedFindings() {
    var wanted = {
      severity: filterValue('severity'), rule: filterValue('rule'), provider: filterValue('provider'),
      account: filterValue('account'), region: filterValue('region'), owner: filterValue('owner')
    };
    var positions = { severity: SEV, rule: RULE, provider: PROVIDER, account: ACCOUNT, region: REGION, owner: OWNER };
    var active = Object.keys(wanted).filter(function (key) { return wanted[key] !== ''; });
    var status = filterValue('suppressed');
    var queryTerms = terms(filterValue('search'));
    var selected = [];
    for (var i = 0; i < findings.length; i++) {
      var f = findings[i];
      if ((status === 'open' && f[SUPPRESSION] >= 0) || (status === 'suppressed' && f[SUPPRESSION] < 0)) {
        continue;
      }
      var keep = true;
      for (var a = 0; a < active.length && keep; a++) {
        keep = String(f[positions[active[a]]]) === wanted[active[a]];
      }
      if (keep && (queryTerms.length === 0 || matchesAll(findingHaystack(i), queryTerms))) {
        selected.push(i);
      }
    }
    var value = sortValues[sortKey];
    var keys = new Array(findings.length);
    selected.forEach(function (index) { keys[index] = value(findings[index]); });
    selected.sort(function (a, b) {
      var x = keys[a];
      var y = keys[b];
      return (x < y ? -1 : x > y ? 1 : 0) * sortDirection || a - b;
    });
    return selected;
  }

  var findingsPager = new Pager(document.getElementById('findings-pager'), document.getElementById('findings-status'),
    FINDINGS_PER_PAGE, labels.findingsStatus, labels.noFindings, function (page) {
      var rows = document.createDocumentFragment();
      page.forEach(function (index) { rows.appendChild(findingRow(index)); });
      findingsBody.textContent = '';
      findingsBody.appendChild(rows);
    });

  var shownFindingsQuery = null;

  /** Redraws the table when filters, search or sorting changed; a blur's late change event redraws nothing. */
  function refreshFindings() {
    var query = JSON.stringify([filterValue('severity'), filterValue('rule'), filterValue('provider'),
      filterValue('account'), filterValue('region'), filterValue('owner'), filterValue('suppressed'),
      terms(filterValue('search')), sortKey, sortDirection]);
    if (query === shownFindingsQuery) {
      return;
    }
    shownFindingsQuery = query;
    findingsPager.show(selectedFindings(), false);
  }

  function setUpSorting() {
    var headers = document.querySelectorAll('#findings-table th[data-sort]');
    Array.prototype.forEach.call(headers, function (header) {
      var button = element('button', 'sort');
      button.type = 'button';
      while (header.firstChild) {
        button.appendChild(header.firstChild);
      }
      header.appendChild(button);
      button.addEventListener('click', function () {
        var key = header.getAttribute('data-sort');
        sortDirection = key === sortKey ? -sortDirection : 1;
        sortKey = key;
        Array.prototype.forEach.call(headers, function (other) {
          if (other === header) {
            other.setAttribute('aria-sort', sortDirection === 1 ? 'ascending' : 'descending');
          } else {
            other.removeAttribute('aria-sort');
          }
        });
        refreshFindings();
      });
    });
  }

  function debounce(action, delay) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(action, delay);
    };
  }

  /* ---- Servers ---- */

  var serverFindings = servers.map(function () { return []; });
  findings.forEach(function (finding, index) {
    if (finding[SERVER] >= 0) {
      serverFindings[finding[SERVER]].push(index);
    }
  });
  var serverHaystacks = [];
  var serverSearch = document.getElementById('s-search');
  var onlyWithFindings = document.getElementById('s-with-findings');
  var serverList = document.getElementById('servers-list');

  function serverHaystack(index) {
    if (serverHaystacks[index] === undefined) {
      var s = servers[index];
      serverHaystacks[index] = [text(s[S_NAME]), text(s[S_ID])].concat(s[S_FACTS].map(text))
        .concat(s[S_TAGS].map(function (tag) { return text(tag[0]) + '=' + text(tag[1]); }))
        .join('\n').toLowerCase();
    }
    return serverHaystacks[index];
  }

  function serverCard(index) {
    var server = servers[index];
    var card = cloneTemplate('server-card-template');
    var severity = server[S_SEVERITY];
    card.setAttribute('data-sev', severity);
    var severityIndex = SEVERITY_KEYS.indexOf(severity);
    slot(card, 'severity', severityIndex < 0 ? labels.clean : labels.severity[severityIndex]).setAttribute('data-sev', severity);
    slot(card, 'name', text(server[S_NAME]));
    slot(card, 'id', text(server[S_ID]));
    slot(card, 'count', text(server[S_COUNT]));
    var facts = card.querySelector('[data-list="facts"]');
    server[S_FACTS].forEach(function (value, position) {
      var pair = element('div');
      pair.appendChild(element('dt', null, data.factLabels[position]));
      pair.appendChild(element('dd', null, text(value)));
      facts.appendChild(pair);
    });
    var tags = card.querySelector('[data-list="tags"]');
    server[S_TAGS].forEach(function (tag) {
      var row = element('tr');
      var key = element('th', null, text(tag[0]));
      key.scope = 'row';
      row.appendChild(key);
      row.appendChild(element('td', null, text(tag[1])));
      tags.appendChild(row);
    });
    var list = card.querySelector('[data-list="findings"]');
    if (serverFindings[index].length > 0) {
      list.textContent = '';
    }
    serverFindings[index].forEach(function (findingIndex) {
      var finding = findings[findingIndex];
      var item = element('li');
      var badge = element('span', 'badge', labels.severity[finding[SEV]]);
      badge.setAttribute('data-sev', SEVERITY_KEYS[finding[SEV]]);
      item.appendChild(badge);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(element('code', null, data.rules[finding[RULE]][R_ID]));
      item.appendChild(document.createTextNode(' '));
      item.appendChild(element('span', null, text(finding[MESSAGE])));
      if (finding[SUPPRESSION] >= 0) {
        item.appendChild(document.createTextNode(' '));
        item.appendChild(element('span', 'tag', labels.suppressed));
      }
      list.appendChild(item);
    });
    return card;
  }

  var serversPager = new Pager(document.getElementById('servers-pager'), document.getElementById('servers-status'),
    SERVERS_PER_PAGE, labels.serversStatus, labels.noServers, function (page) {
      var cards = document.createDocumentFragment();
      page.forEach(function (index) { cards.appendChild(serverCard(index)); });
      serverList.textContent = '';
      serverList.appendChild(cards);
    });

  var shownServersQuery = null;

  function refreshServers() {
    var queryTerms = terms(serverSearch.value);
    var query = JSON.stringify([queryTerms, onlyWithFindings.checked]);
    if (query === shownServersQuery) {
      return;
    }
    shownServersQuery = query;
    var selected = [];
    for (var i = 0; i < servers.length; i++) {
      if (onlyWithFindings.checked && SEVERITY_KEYS.indexOf(servers[i][S_SEVERITY]) < 0) {
        continue;
      }
      if (queryTerms.length === 0 || matchesAll(serverHaystack(i), queryTerms)) {
        selected.push(i);
      }
    }
    serversPager.show(selected, false);
  }

  /* ---- Start ---- */

  setUpSorting();
  filterForm.addEventListener('change', refreshFindings);
  filterForm.addEventListener('submit', function (event) { event.preventDefault(); });
  filterForm.addEventListener('reset', function () { setTimeout(refreshFindings, 0); });
  document.getElementById('f-search').addEventListener('input', debounce(refreshFindings, 200));
  document.getElementById('servers-filter').addEventListener('submit', function (event) { event.preventDefault(); });
  serverSearch.addEventListener('input', debounce(refreshServers, 200));
  serverSearch.addEventListener('change', refreshServers);
  onlyWithFindings.addEventListener('change', refreshServers);
  ['findings-truncated', 'servers-truncated'].forEach(function (id) {
    var note = document.getElementById(id);
    if (note) {
      note.hidden = true;
    }
  });
  filterForm.hidden = false;
  document.getElementById('servers-filter').hidden = false;
  refreshFindings();
  refreshServers();
  document.body.setAttribute('data-ready', 'true');
}());
