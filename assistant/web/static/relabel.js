() => {
  const names = {Like: 'Bra svar', Dislike: 'Dåligt svar', Clear: 'Rensa samtalet',
                 'Copy message': 'Kopiera meddelandet', Copy: 'Kopiera'};
  const relabel = () => {
    for (const button of document.querySelectorAll('button[aria-label]')) {
      const name = names[button.getAttribute('aria-label')];
      if (name) { button.setAttribute('aria-label', name); button.title = name; }
    }
  };
  new MutationObserver(relabel).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'],
  });
  relabel();
}
