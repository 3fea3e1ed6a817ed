"""The administrator's login: credentials from the settings, sessions with expiry.

Every admin action checks the caller's AdminSession itself: the tab's events are hidden
from the API, but hiding is not protection, since a reader can post to any event of the
page.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import threading
import time
from dataclasses import dataclass

from assistant.config import Settings
from ingest.messages import CodedError

log = logging.getLogger(__name__)

FAILED_LOGIN_DELAY_S = 1.0  # failed logins wait this long, one at a time
MIN_PASSWORD_LENGTH = 12


class AdminConfigError(CodedError, ValueError):
    """The admin credentials are set up in a way that cannot work (app.py says why)."""


@dataclass(frozen=True)
class AdminSession:
    """Proof of a successful login, kept in the user's server-side session state."""

    user: str
    token: str  # random; valid while the Gate keeps it (until logout or expiry)
    started: float  # time.monotonic() at login


class Gate:
    """Checks the administrator's credentials and keeps the live sessions."""

    def __init__(
        self, user: str, password: str, session_hours: float = 8.0, idle_minutes: float = 30.0
    ) -> None:
        if not password:
            raise AdminConfigError("admin_password_empty")
        self.user = user
        self._password = password.encode("utf-8")
        self._lifetime = session_hours * 3600
        self._idle = idle_minutes * 60
        self._sessions: dict[str, float] = {}  # token -> last use (time.monotonic())
        self._lock = threading.Lock()
        self._failures = threading.Lock()  # failed logins wait one after the other

    def login(self, user: str, password: str) -> AdminSession | None:
        """A session for the right user name and password; None (after a delay) otherwise.

        The delay is served while holding a lock, so guesses cannot be sped up by sending
        many at once: at most one failed login per FAILED_LOGIN_DELAY_S for the whole app.
        """
        user_ok = hmac.compare_digest(str(user).strip().encode("utf-8"), self.user.encode("utf-8"))
        password_ok = hmac.compare_digest(str(password).encode("utf-8"), self._password)
        if user_ok and password_ok:
            now = time.monotonic()
            session = AdminSession(self.user, secrets.token_urlsafe(32), now)
            with self._lock:
                self._sessions[session.token] = now
            log.info("administrator %s logged in", self.user)
            return session
        log.warning("failed administrator login")
        with self._failures:
            time.sleep(FAILED_LOGIN_DELAY_S)
        return None

    def allows(self, session: object) -> bool:
        """True for a session made by login() that is neither logged out nor expired."""
        if not isinstance(session, AdminSession) or session.user != self.user:
            return False
        now = time.monotonic()
        with self._lock:
            last = self._sessions.get(session.token)
            if last is None:
                return False
            if now - session.started >= self._lifetime or now - last >= self._idle:
                del self._sessions[session.token]
                return False
            self._sessions[session.token] = now
            return True

    def logout(self, session: object) -> None:
        """End the session: it is refused from now on, whoever still holds it."""
        if isinstance(session, AdminSession):
            with self._lock:
                self._sessions.pop(session.token, None)


def gate_from_settings(settings: Settings) -> Gate | None:
    """The gate for the configured credentials; None when none are set (no admin tab)."""
    password = settings.admin_password.get_secret_value()
    path = settings.admin_password_file
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise AdminConfigError(
                "password_file_unreadable", path=str(path), error=str(error)
            ) from error
        password = lines[0].strip() if lines else ""
        if not password:
            raise AdminConfigError("password_file_empty", path=str(path))
    if not password:
        return None
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AdminConfigError("password_too_short", minimum=MIN_PASSWORD_LENGTH)
    if not settings.admin_user.strip():
        raise AdminConfigError("admin_user_empty")
    return Gate(
        settings.admin_user.strip(),
        password,
        settings.admin_session_hours,
        settings.admin_idle_minutes,
    )
