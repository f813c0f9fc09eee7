// Helpers the end-to-end tests run inside the page: finding controls the way a user names
// them (by their visible label), not by implementation details.
function obsSelect(label) {
  for (const root of document.querySelectorAll('.obs-select')) {
    const text = root.querySelector('.obs-select__label');
    if (text && text.textContent.trim() === label) return root;
  }
  return null;
}
function obsSelectToggle(label) {
  const root = obsSelect(label);
  return root && root.querySelector('.obs-select__toggle');
}
function obsSelectValue(label) {
  const root = obsSelect(label);
  const value = root && root.querySelector('.obs-select__value');
  return value ? value.textContent.trim() : null;
}
function obsOption(label, text) {
  const root = obsSelect(label);
  if (!root) return null;
  for (const option of root.querySelectorAll('[role=option]')) {
    const label = option.querySelector('.obs-select__option-text') || option;
    if (label.textContent.trim().startsWith(text)) return option;
  }
  return null;
}
function obsPanel(title) {
  for (const panel of document.querySelectorAll('section.obs-panel')) {
    if (panel.getAttribute('aria-label') === title) return panel;
  }
  return null;
}
// The test host's navigation: a link of the shell's sidebar by its text.
function obsHostNavLink(text) {
  for (const link of document.querySelectorAll('nav a')) {
    if (link.textContent.trim() === text) return link;
  }
  return null;
}
// The host router's idea of where it is, to compare with the browser's address.
function obsHostRouterLocation() {
  const location = window.testHost.router.state.location;
  return location.pathname + location.search + location.hash;
}
// Whether `element` is what the browser draws at (x, y), or holds it: a user sees it there
// and can click it (an element cut by an ancestor's clip, or covered, is not).
function obsShowsAt(element, x, y) {
  const hit = document.elementFromPoint(x, y);
  return !!hit && element.contains(hit);
}
// The same at the centre of `element`'s box.
function obsShows(element) {
  const r = element.getBoundingClientRect();
  return obsShowsAt(element, r.left + r.width / 2, r.top + r.height / 2);
}
