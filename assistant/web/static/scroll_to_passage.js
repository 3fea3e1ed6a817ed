watch('value', () => {
  const mark = element.querySelector('mark.avtal-passage');
  if (mark) mark.scrollIntoView({block: 'center'});
});
