element.addEventListener('click', (event) => {
  const card = event.target.closest('[data-doc]');
  if (card) trigger('click', {doc: card.dataset.doc, start: card.dataset.start,
                              end: card.dataset.end});
});
