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
