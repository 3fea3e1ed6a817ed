(text) => {
  if (text && navigator.clipboard) navigator.clipboard.writeText(text);
  return text;
}
