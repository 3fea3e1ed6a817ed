"""The question-answering core: question analysis, retrieval, evidence scoring, answers.

Nothing here imports the web or admin code.
"""
