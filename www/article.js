// The example article's own script: it quotes the figures of the first widget whenever the reader
// (or a link in the text) changes its scenario, from the `fortress-change` event.
const quote = document.getElementById('figures');
document.addEventListener('fortress-change', (event) => {
  if (event.target.id !== 'round' || !quote) return;
  const { name, percentBefore, percentAfter, valueAfter } = event.detail;
  const value = valueAfter == null ? '' : `, worth $${Math.round(valueAfter / 1e9)}B`;
  quote.textContent = `${name}: ${percentBefore.toFixed(1)}% before the round, ${percentAfter.toFixed(1)}% after${value}.`;
});
