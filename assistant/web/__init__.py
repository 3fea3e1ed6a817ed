"""The chat web app (Gradio): chat, sources panel, document and overview views, feedback."""
