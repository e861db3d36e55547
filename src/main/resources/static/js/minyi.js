// Minyi page behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them).
document.addEventListener('click', function (event) {
  const button = event.target.closest('[data-confirm]');
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
