"""The "Administrera" tab: log in, then upload, remove and rebuild (logic in corpus, index).

The tab exists only when credentials are configured. The login lives in the user's
server-side session state (gr.State: a client cannot set it); every handler checks it
before it does anything, because a reader can post to any event of the page even though
these events are hidden from the API.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
from gradio_client.utils import is_http_url_like

from assistant.admin.corpus import (
    ALLOWED_TYPES,
    Outcome,
    corpus_files,
    max_bytes,
    remove_files,
    save_uploads,
)
from assistant.admin.gate import Gate
from assistant.admin.index import FILE_HEADERS, Step, file_rows, rebuild_steps
from assistant.admin.wording import decimal, report_sv
from assistant.service import Assistant
from ingest.messages import CodedError
from ingest.report import BuildReport
from ingest.versions import BuildInProgress

log = logging.getLogger(__name__)

LOGIN_INTRO = (
    "Logga in som administratör för att lägga till, ersätta och ta bort dokument "
    "och uppdatera indexet."
)
DENIED = "Logga in som administratör först."
WRONG_LOGIN = "Fel användarnamn eller lösenord."
BUSY = "En annan uppdatering av indexet pågår redan. Försök igen när den är klar."
FAILED = (
    "Uppdateringen av indexet misslyckades ({error}). Det tidigare indexet används "
    "fortfarande och inget har gått förlorat."
)
NOTHING_CHOSEN = "Välj minst en fil först."
PRIVATE: dict[str, Any] = {"api_visibility": "private"}
PANEL_OUTPUTS = 6  # session, login box, panel, signed-in line, files table, remove choices


def outcomes_markdown(title: str, outcomes: list[Outcome]) -> str:
    lines = [f"**{title}**"]
    for outcome in outcomes:
        message = outcome.message if outcome.done else f"**inte gjort** – {outcome.message}"
        lines.append(f"- {outcome.name}: {message}")
    return "\n".join(lines)


def rebuild_markdown(assistant: Assistant, full: bool, before: str) -> Iterator[tuple[str, Step]]:
    """The rebuild's progress and finally its report, each after the text `before`."""
    head = f"{before}\n\n" if before else ""
    try:
        for item in rebuild_steps(assistant, full):
            if isinstance(item, BuildReport):
                yield head + report_sv(item), Step("klart", 1, 1)
            else:
                share = f" ({item.done * 100 // item.total} %)" if item.total else ""
                yield head + f"*{item.text}{share} …*", item
    except BuildInProgress:
        yield head + BUSY, Step("", 1, 1)
    except Exception as error:
        log.exception("rebuild from the admin tab failed")
        detail = error.text("sv") if isinstance(error, CodedError) else error
        yield head + FAILED.format(error=detail), Step("", 1, 1)


def refuse_remote_files(component: gr.File) -> None:
    """Only files uploaded to this server: no downloads from addresses a caller names.

    Gradio prepares a File input before the event handler runs, hence before the login is
    checked, and would fetch an http(s) "path" sent in a request from the internet. The
    app is offline and that fetch has no size limit, so this component refuses it.
    """
    move = component.async_move_resource_to_block_cache

    async def local_only(url_or_file_path: str | Path | None) -> str | None:
        if url_or_file_path is not None and is_http_url_like(str(url_or_file_path)):
            raise ValueError("only files uploaded to this server are accepted")
        return await move(url_or_file_path)

    component.async_move_resource_to_block_cache = local_only  # type: ignore[method-assign]


@dataclass(frozen=True)
class LoginBox:
    box: gr.Column
    user: gr.Textbox
    password: gr.Textbox
    button: gr.Button
    message: gr.Markdown


@dataclass(frozen=True)
class AdminPanel:
    panel: gr.Column
    signed_in: gr.Markdown
    logout_button: gr.Button
    status: gr.Markdown
    files_table: gr.Dataframe
    upload: gr.File
    replace: gr.Checkbox
    upload_button: gr.Button
    remove_pick: gr.Dropdown
    remove_button: gr.Button
    update_button: gr.Button
    full_button: gr.Button


def login_box() -> LoginBox:
    """The login form, the only thing shown before a login."""
    with gr.Column(visible=True, elem_id="avtal-login") as box:
        gr.Markdown(LOGIN_INTRO)
        user = gr.Textbox(label="Användarnamn", elem_id="avtal-admin-user")
        password = gr.Textbox(label="Lösenord", type="password", elem_id="avtal-admin-pw")
        button = gr.Button("Logga in", variant="primary")
        message = gr.Markdown(elem_id="avtal-login-message")
    return LoginBox(box, user, password, button, message)


def _upload_section(max_file_mb: float) -> tuple[gr.File, gr.Checkbox, gr.Button]:
    limit_mb = decimal(max_file_mb).replace(",0", "")
    gr.Markdown(
        "### Lägg till eller ersätt dokument\n"
        f"Tillåtna filtyper: {', '.join(ALLOWED_TYPES)}. Högst {limit_mb} MB per fil. "
        "Filnamnet görs säkert (bokstäver, siffror, mellanslag, parenteser, punkt, "
        "bindestreck och understreck). Inskannade PDF-filer och sidbilder läses med OCR; "
        "sidor som OCR läser osäkert visas i fillistan som svårlästa."
    )
    upload = gr.File(
        label="Filer att ladda upp",
        file_count="multiple",
        file_types=list(ALLOWED_TYPES),
        type="filepath",
        elem_id="avtal-admin-upload",
    )
    refuse_remote_files(upload)
    replace = gr.Checkbox(
        label="Ersätt filer med samma namn (den gamla versionen sparas i .removed)",
        value=False,
    )
    return upload, replace, gr.Button("Ladda upp och uppdatera indexet", variant="primary")


def _remove_section() -> tuple[gr.Dropdown, gr.Button]:
    gr.Markdown(
        "### Ta bort dokument\n"
        "Borttagna filer flyttas till mappen .removed i dokumentmappen och kan "
        "läggas tillbaka därifrån."
    )
    pick = gr.Dropdown(
        label="Filer att ta bort", multiselect=True, choices=[], elem_id="avtal-admin-rm"
    )
    return pick, gr.Button("Ta bort och uppdatera indexet", variant="stop")


def _index_section() -> tuple[gr.Button, gr.Button]:
    gr.Markdown(
        "### Indexet\n"
        "Uppdatera indexet efter att filer har ändrats direkt i mappen. "
        "Frågor besvaras från det gamla indexet tills det nya är klart."
    )
    with gr.Row():
        return gr.Button("Uppdatera indexet"), gr.Button("Indexera om allt")


def admin_panel(max_file_mb: float) -> AdminPanel:
    """The panel after a login: the folder's files, upload, removal and rebuilds."""
    with gr.Column(visible=False, elem_id="avtal-admin") as panel:
        with gr.Row():
            signed_in = gr.Markdown()
            logout_button = gr.Button("Logga ut", size="sm", scale=0)
        status = gr.Markdown(elem_id="avtal-admin-status")
        gr.Markdown("### Dokumentmappen")
        files_table = gr.Dataframe(
            headers=FILE_HEADERS, interactive=False, wrap=True, elem_id="avtal-admin-files"
        )
        upload, replace, upload_button = _upload_section(max_file_mb)
        remove_pick, remove_button = _remove_section()
        update_button, full_button = _index_section()
    return AdminPanel(
        panel,
        signed_in,
        logout_button,
        status,
        files_table,
        upload,
        replace,
        upload_button,
        remove_pick,
        remove_button,
        update_button,
        full_button,
    )


class AdminCallbacks:
    """The tab's handlers. Each checks the session itself (see the module's docstring).

    Outputs of an action: the panel outputs (session, login box, panel, signed-in line,
    files table, remove choices), the login message, the status, the upload field and the
    other tabs' `refreshed` components.
    """

    def __init__(
        self,
        assistant: Assistant,
        gate: Gate,
        refresh: Callable[[], tuple[Any, ...]],
        refreshed: int,
    ) -> None:
        self.assistant, self.gate, self.refresh = assistant, gate, refresh
        self.others = [gr.skip()] * refreshed  # the other tabs as they are

    def shown_panel(self, active: Any) -> tuple[Any, ...]:
        """session, login box, panel, signed-in line, files table, remove choices."""
        if not self.gate.allows(active):
            hidden = gr.Column(visible=False)
            return None, gr.Column(visible=True), hidden, "", [], gr.Dropdown(choices=[], value=[])
        return (
            active,
            gr.Column(visible=False),
            gr.Column(visible=True),
            f"Inloggad som **{active.user}**.",
            file_rows(self.assistant),
            gr.Dropdown(choices=corpus_files(self.assistant.settings.corpus_dir), value=[]),
        )

    def on_login(self, name: str, secret: str):
        active = self.gate.login(name or "", secret or "")
        message = "" if active is not None else WRONG_LOGIN
        return *self.shown_panel(active), "", message, ""

    def on_logout(self, active: Any):
        self.gate.logout(active)
        return *self.shown_panel(None), "", "Du är utloggad.", ""

    def denied(self):
        return *self.shown_panel(None), DENIED, DENIED, gr.skip(), *self.others

    def current_panel(self, active: Any) -> tuple[Any, ...]:
        """The panel after an action. The session is never written back: a logout during
        a long rebuild must stay a logout."""
        if not self.gate.allows(active):
            return self.shown_panel(None)
        return gr.skip(), *self.shown_panel(active)[1:]

    def note(self, text: str):
        return *[gr.skip()] * PANEL_OUTPUTS, gr.skip(), text, gr.skip(), *self.others

    def changes(
        self, active: Any, before: str, full: bool, progress_bar: gr.Progress
    ) -> Iterator[tuple[Any, ...]]:
        """Rebuild after a change, streaming progress; last, everything refreshed."""
        text = before
        for text, step in rebuild_markdown(self.assistant, full, before):
            if step.total:
                progress_bar((step.done, step.total), desc=step.text)
            yield self.note(text)
        yield *self.current_panel(active), gr.skip(), text, None, *self.refresh()

    def after(self, active: Any, title: str, outcomes: list[Outcome], upload: Any, bar: Any):
        """The outcomes of an upload or a removal, then the rebuild when a file changed."""
        before = outcomes_markdown(title, outcomes)
        yield *self.current_panel(active), gr.skip(), before, upload, *self.others
        if any(o.done for o in outcomes):
            yield from self.changes(active, before, False, bar)

    def on_upload(
        self,
        active: Any,
        files: list[str] | None,
        replace_existing: bool,
        progress_bar: gr.Progress = gr.Progress(),  # noqa: B008 (Gradio's way)
    ):
        if not self.gate.allows(active):
            yield self.denied()
            return
        if not files:
            yield self.note(NOTHING_CHOSEN)
            return
        settings = self.assistant.settings
        pairs = [(Path(f), Path(f).name) for f in files]
        try:
            outcomes = save_uploads(
                pairs, settings.corpus_dir, max_bytes(settings), bool(replace_existing)
            )
        finally:
            for source, _ in pairs:  # Gradio's copy: the corpus folder has its own now
                source.unlink(missing_ok=True)
        yield from self.after(active, "Uppladdning", outcomes, None, progress_bar)

    def on_remove(
        self,
        active: Any,
        names: list[str] | None,
        progress_bar: gr.Progress = gr.Progress(),  # noqa: B008
    ):
        if not self.gate.allows(active):
            yield self.denied()
            return
        if not names:
            yield self.note(NOTHING_CHOSEN)
            return
        outcomes = remove_files(names, self.assistant.settings.corpus_dir)
        yield from self.after(active, "Borttagning", outcomes, gr.skip(), progress_bar)

    def on_update(self, active: Any, progress_bar: gr.Progress = gr.Progress()):  # noqa: B008
        if not self.gate.allows(active):
            yield self.denied()
            return
        yield from self.changes(active, "", False, progress_bar)

    def on_full(self, active: Any, progress_bar: gr.Progress = gr.Progress()):  # noqa: B008
        if not self.gate.allows(active):
            yield self.denied()
            return
        yield from self.changes(active, "", True, progress_bar)


def add_admin_tab(
    assistant: Assistant,
    gate: Gate,
    refresh: Callable[[], tuple[Any, ...]],
    refreshed: list[gr.components.Component],
) -> None:
    """Add the tab to the Tabs being built; `refresh` updates `refreshed` after a change."""
    with gr.Tab("Administrera", id="admin"):
        session = gr.State(None)  # inside the tab: a bare child of Tabs confuses its tab bar
        login = login_box()
        admin = admin_panel(assistant.settings.max_file_mb)
    calls = AdminCallbacks(assistant, gate, refresh, len(refreshed))
    panel_outputs = [
        session,
        login.box,
        admin.panel,
        admin.signed_in,
        admin.files_table,
        admin.remove_pick,
    ]
    login_outputs = [*panel_outputs, login.password, login.message, admin.status]
    login.button.click(calls.on_login, [login.user, login.password], login_outputs, **PRIVATE)
    login.password.submit(calls.on_login, [login.user, login.password], login_outputs, **PRIVATE)
    admin.logout_button.click(calls.on_logout, [session], login_outputs, **PRIVATE)

    actions = [*panel_outputs, login.message, admin.status, admin.upload, *refreshed]
    uploaded = [session, admin.upload, admin.replace]
    admin.upload_button.click(calls.on_upload, uploaded, actions, **PRIVATE)
    admin.remove_button.click(calls.on_remove, [session, admin.remove_pick], actions, **PRIVATE)
    admin.update_button.click(calls.on_update, [session], actions, **PRIVATE)
    admin.full_button.click(calls.on_full, [session], actions, **PRIVATE)
