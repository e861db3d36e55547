// Minyi page behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them).
document.addEventListener('click', function (event) {
  const button = event.target.closest('[data-confirm]');
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});

// Sortable tables (<table data-sortable>): a click on a heading sorts the rows by that column, by the
// cells' data-sort values when present (numbers), else by their text; rows marked data-pinned="true"
// (the district) stay on top. A second click reverses the order.
document.querySelectorAll('table[data-sortable]').forEach(function (table) {
  const headings = table.querySelectorAll('thead th');
  headings.forEach(function (heading, column) {
    heading.setAttribute('role', 'button');
    heading.setAttribute('tabindex', '0');
    heading.setAttribute('title', table.getAttribute('data-sort-hint') || '');
    heading.classList.add('sortable');
    const sort = function () {
      const ascending = heading.getAttribute('aria-sort') !== 'ascending';
      headings.forEach(function (h) { h.removeAttribute('aria-sort'); });
      heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0];
      const rows = Array.from(body.rows).filter(function (r) { return r.getAttribute('data-pinned') !== 'true'; });
      const value = function (row) {
        const cell = row.cells[column];
        const sortValue = cell.getAttribute('data-sort');
        if (sortValue !== null) {
          return sortValue === '' ? null : parseFloat(sortValue);
        }
        return cell.textContent.trim();
      };
      rows.sort(function (a, b) {
        const x = value(a);
        const y = value(b);
        if (x === null || y === null) {
          return x === y ? 0 : (x === null ? 1 : -1);
        }
        const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    };
    heading.addEventListener('click', sort);
    heading.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        sort();
      }
    });
  });
});

// Uploads with progress (<form data-upload-url>): the chosen file is sent as the raw request body, so
// that a large sample frame shows how much has been sent; the answer names the page to go to next.
// Without this script the form posts as a classic upload.
document.querySelectorAll('form[data-upload-url]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) {
      return;
    }
    event.preventDefault();
    const params = new URLSearchParams();
    form.querySelectorAll('input[name]:not([type=file]), select[name]').forEach(function (field) {
      if (field.value !== '') {
        params.append(field.name, field.value);
      }
    });
    const box = form.querySelector('#frame-upload');
    const bar = form.querySelector('#frame-upload-bar');
    const error = form.querySelector('#frame-upload-error');
    box.classList.remove('d-none');
    error.classList.add('d-none');
    form.querySelector('#frame-upload-text').textContent = form.getAttribute('data-uploading');
    form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    const request = new XMLHttpRequest();
    request.open('POST', form.getAttribute('data-upload-url') + '?' + params.toString());
    const headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    Object.keys(headers).forEach(function (name) { request.setRequestHeader(name, headers[name]); });
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.style.width = Math.round(100 * e.loaded / e.total) + '%';
      }
    });
    const failed = function (message) {
      box.classList.add('d-none');
      error.textContent = message || form.getAttribute('data-upload-failed');
      error.classList.remove('d-none');
      form.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
    };
    request.addEventListener('load', function () {
      let answer = {};
      try {
        answer = JSON.parse(request.responseText);
      } catch (ignored) {
        // not JSON: a proxy's error page; the generic message below says enough
      }
      if (request.status === 202 && answer.location) {
        window.location.assign(answer.location);
      } else {
        failed(answer.message);
      }
    });
    request.addEventListener('error', function () { failed(); });
    request.send(file);
  });
});
