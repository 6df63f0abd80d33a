"""``POST /api/articles``: code posted articles into the store (bearer token required)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from ...errors import Errors, ExtractError
from ...models import Article
from ...stages.ingest.clean import finish_article
from ...watch import run_alerts
from ..articles import ArticlesIn, add_articles, report_body
from ..errors import ApiError
from ..state import ApiState, state_of

router = APIRouter(tags=["articles"])


def _articles(body: ArticlesIn) -> list[Article]:
    """The posted articles, checked and normalised as ingest does files (NFC, bounded runs).

    RAISES: ApiError 422 (E014, naming ``api:<n>`` and the field) if a string holds a lone surrogate: it cannot be stored.
    """
    articles = []
    for number, item in enumerate(body.articles, start=1):
        try:
            articles.append(finish_article(item.to_article(origin=f"api:{number}"), path="api", line=number))
        except ExtractError as exc:
            raise ApiError(str(exc), status=422) from exc
    return articles


def writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> ApiState:
    """Dependency: the app state, if this request may write; else 403 (writing disabled) or 401 (token)."""
    state = state_of(request)
    check_writer(state, authorization)
    return state


def check_writer(state: ApiState, authorization: str | None) -> None:
    """RAISES: ApiError 403 (E506: writing disabled) or 401 (E505: no or wrong token) unless this request may write.

    Also run by :class:`tocsin.api.guard.Guard` before a byte of the body is read.
    """
    if state.read_only:
        raise ApiError(Errors.E506.format(reason="the database is open read-only"), status=403)
    if not state.token:
        raise ApiError(Errors.E506.format(reason="no API token was set"), status=403)
    scheme, _, given = (authorization or "").strip().partition(" ")
    if not authorization:
        raise ApiError(Errors.E505.format(detail="no Authorization header"), status=401)
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), state.token.encode()):
        raise ApiError(Errors.E505.format(detail="the token does not match"), status=401)


@router.post("/articles", summary="Code and store articles")
def post_articles(body: ArticlesIn, state: Annotated[ApiState, Depends(writer)]) -> JSONResponse:
    """``{"articles_added", "articles_skipped", "events_added", "failures", "events", "alerts"}``.

    The alert rules run after the articles are stored; ``alerts`` lists the alerts they raised that were new
    (and the server's ``--webhook`` gets them).

    Articles already stored (same id, or same text when no id is given) are
    skipped and add nothing; their stored events are still returned.
    """
    articles = _articles(body)
    with state.write_lock:
        pipeline = state.pipeline()
        try:
            report = add_articles(state.store, articles, pipeline=pipeline)
            alerts = None
            if report.events_added:
                with state.store.session(write=True):
                    alerts = run_alerts(state.store, webhook=state.webhook)
        finally:
            state.cache.clear()
            pipeline.failures.clear()  # reported in this answer; a long-running server must not pile them up
    answer = report_body(report)
    answer["alerts"] = [alert.to_dict() for alert in alerts.added] if alerts is not None else []
    return JSONResponse(answer)
