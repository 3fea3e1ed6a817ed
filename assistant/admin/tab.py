"""The "Administrera" tab: log in, then upload, remove and rebuild (logic in corpus, index).

The tab exists only when credentials are configured. The login lives in the user's
server-side session state (gr.State: a client cannot set it); every handler checks it
before it does anything, because a reader can post to any event of the page even though
these events are hidden from the API.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
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
from ingest.build import BuildReport
from ingest.messages import CodedError
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


def add_admin_tab(
    assistant: Assistant,
    gate: Gate,
    refresh: Callable[[], tuple[Any, ...]],
    refreshed: list[gr.components.Component],
) -> None:
    """Add the tab to the Tabs being built; `refresh` updates `refreshed` after a change."""
    settings = assistant.settings
    limit_mb = decimal(settings.max_file_mb).replace(",0", "")
    types = ", ".join(ALLOWED_TYPES)

    with gr.Tab("Administrera", id="admin"):
        session = gr.State(None)  # inside the tab: a bare child of Tabs confuses its tab bar
        with gr.Column(visible=True, elem_id="avtal-login") as login_box:
            gr.Markdown(LOGIN_INTRO)
            user = gr.Textbox(label="Användarnamn", elem_id="avtal-admin-user")
            password = gr.Textbox(label="Lösenord", type="password", elem_id="avtal-admin-pw")
            login_button = gr.Button("Logga in", variant="primary")
            login_message = gr.Markdown(elem_id="avtal-login-message")
        with gr.Column(visible=False, elem_id="avtal-admin") as panel:
            with gr.Row():
                signed_in = gr.Markdown()
                logout_button = gr.Button("Logga ut", size="sm", scale=0)
            status = gr.Markdown(elem_id="avtal-admin-status")
            gr.Markdown("### Dokumentmappen")
            files_table = gr.Dataframe(
                headers=FILE_HEADERS, interactive=False, wrap=True, elem_id="avtal-admin-files"
            )
            gr.Markdown(
                "### Lägg till eller ersätt dokument\n"
                f"Tillåtna filtyper: {types}. Högst {limit_mb} MB per fil. "
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
            upload_button = gr.Button("Ladda upp och uppdatera indexet", variant="primary")
            gr.Markdown(
                "### Ta bort dokument\n"
                "Borttagna filer flyttas till mappen .removed i dokumentmappen och kan "
                "läggas tillbaka därifrån."
            )
            remove_pick = gr.Dropdown(
                label="Filer att ta bort", multiselect=True, choices=[], elem_id="avtal-admin-rm"
            )
            remove_button = gr.Button("Ta bort och uppdatera indexet", variant="stop")
            gr.Markdown(
                "### Indexet\n"
                "Uppdatera indexet efter att filer har ändrats direkt i mappen. "
                "Frågor besvaras från det gamla indexet tills det nya är klart."
            )
            with gr.Row():
                update_button = gr.Button("Uppdatera indexet")
                full_button = gr.Button("Indexera om allt")

    def shown_panel(active: Any) -> tuple[Any, ...]:
        """session, login box, panel, signed-in line, files table, remove choices."""
        if not gate.allows(active):
            return (
                None,
                gr.Column(visible=True),
                gr.Column(visible=False),
                "",
                [],
                gr.Dropdown(choices=[], value=[]),
            )
        return (
            active,
            gr.Column(visible=False),
            gr.Column(visible=True),
            f"Inloggad som **{active.user}**.",
            file_rows(assistant),
            gr.Dropdown(choices=corpus_files(settings.corpus_dir), value=[]),
        )

    panel_outputs = [session, login_box, panel, signed_in, files_table, remove_pick]

    def on_login(name: str, secret: str):
        active = gate.login(name or "", secret or "")
        message = "" if active is not None else WRONG_LOGIN
        return *shown_panel(active), "", message, ""

    def on_logout(active: Any):
        gate.logout(active)
        return *shown_panel(None), "", "Du är utloggad.", ""

    login_outputs = [*panel_outputs, password, login_message, status]
    login_button.click(on_login, [user, password], login_outputs, **PRIVATE)
    password.submit(on_login, [user, password], login_outputs, **PRIVATE)
    logout_button.click(on_logout, [session], login_outputs, **PRIVATE)

    action_outputs = [*panel_outputs, login_message, status, upload, *refreshed]
    unchanged = [gr.skip()] * len(panel_outputs)
    others = [gr.skip()] * len(refreshed)  # the other tabs as they are

    def denied():
        return *shown_panel(None), DENIED, DENIED, gr.skip(), *others

    def current_panel(active: Any) -> tuple[Any, ...]:
        """The panel after an action. The session is never written back: a logout during
        a long rebuild must stay a logout."""
        if not gate.allows(active):
            return shown_panel(None)
        return gr.skip(), *shown_panel(active)[1:]

    def note(text: str):
        return *unchanged, gr.skip(), text, gr.skip(), *others

    def changes(
        active: Any, before: str, full: bool, progress_bar: gr.Progress
    ) -> Iterator[tuple[Any, ...]]:
        """Rebuild after a change, streaming progress; last, everything refreshed."""
        text = before
        for text, step in rebuild_markdown(assistant, full, before):
            if step.total:
                progress_bar((step.done, step.total), desc=step.text)
            yield note(text)
        yield *current_panel(active), gr.skip(), text, None, *refresh()

    def on_upload(
        active: Any,
        files: list[str] | None,
        replace_existing: bool,
        progress_bar: gr.Progress = gr.Progress(),  # noqa: B008 (Gradio's way)
    ):
        if not gate.allows(active):
            yield denied()
            return
        if not files:
            yield note(NOTHING_CHOSEN)
            return
        pairs = [(Path(f), Path(f).name) for f in files]
        limit = max_bytes(settings)
        try:
            outcomes = save_uploads(pairs, settings.corpus_dir, limit, bool(replace_existing))
        finally:
            for source, _ in pairs:  # Gradio's copy: the corpus folder has its own now
                source.unlink(missing_ok=True)
        before = outcomes_markdown("Uppladdning", outcomes)
        yield *current_panel(active), gr.skip(), before, None, *others
        if any(o.done for o in outcomes):
            yield from changes(active, before, False, progress_bar)

    def on_remove(
        active: Any,
        names: list[str] | None,
        progress_bar: gr.Progress = gr.Progress(),  # noqa: B008
    ):
        if not gate.allows(active):
            yield denied()
            return
        if not names:
            yield note(NOTHING_CHOSEN)
            return
        outcomes = remove_files(names, settings.corpus_dir)
        before = outcomes_markdown("Borttagning", outcomes)
        yield *current_panel(active), gr.skip(), before, gr.skip(), *others
        if any(o.done for o in outcomes):
            yield from changes(active, before, False, progress_bar)

    def on_update(active: Any, progress_bar: gr.Progress = gr.Progress()):  # noqa: B008
        if not gate.allows(active):
            yield denied()
            return
        yield from changes(active, "", False, progress_bar)

    def on_full(active: Any, progress_bar: gr.Progress = gr.Progress()):  # noqa: B008
        if not gate.allows(active):
            yield denied()
            return
        yield from changes(active, "", True, progress_bar)

    upload_button.click(on_upload, [session, upload, replace], action_outputs, **PRIVATE)
    remove_button.click(on_remove, [session, remove_pick], action_outputs, **PRIVATE)
    update_button.click(on_update, [session], action_outputs, **PRIVATE)
    full_button.click(on_full, [session], action_outputs, **PRIVATE)
