"""iter_analytics_job / aiter_analytics_job against a local server playing the analytics jobs API."""

from __future__ import annotations

import asyncio

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET, Reply

JOBS = "/api/v2/analytics/conversations/details/jobs"
FAST = {"poll_interval": 0.01, "max_poll_interval": 0.02}


class JobsApi:
    """One analytics job: its states in order (the last one repeats), and three result pages."""

    def __init__(self, app, states, jobs=JOBS, item_key="conversations"):
        self.app, self.states, self.jobs = app, list(states), jobs
        self.pages = {
            None: {item_key: [{"conversationId": "c1"}, {"conversationId": "c2"}], "cursor": "p2"},
            "p2": {item_key: [{"conversationId": "c3"}], "cursor": "p3"},
            "p3": {item_key: [{"conversationId": "c4"}]},
        }
        app.route("POST", jobs, self.submit)
        app.route("GET", f"{jobs}/job-1", self.status)
        app.route("GET", f"{jobs}/job-1/results", self.results)

    def submit(self, request):
        if not self.app.authorized(request):
            return Reply(401, {"message": "no"})
        return Reply(202, {"jobId": "job-1"})

    def status(self, request):
        state = self.states.pop(0) if len(self.states) > 1 else self.states[0]
        body = {"state": state, "submissionDate": "2026-12-02T10:00:00Z"}
        if state == "FAILED":
            body["errorMessage"] = "query too large"
        return Reply(json=body)

    def results(self, request):
        query = dict(request.query)
        return Reply(json=self.pages[query.get("cursor")], headers={"ININ-Correlation-Id": "corr-r"})


def test_items_after_polling_until_fulfilled(rtpkg, make_client, app):
    jobs = JobsApi(app, ["QUEUED", "PENDING", "PENDING", "FULFILLED"])
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    states = []
    client.events.subscribe(lambda event: states.append(event.data["state"]), "analytics_job_status")
    query = {"interval": "2026-11-01T00:00:00Z/2026-11-02T00:00:00Z"}
    items = list(rtpkg.iter_analytics_job(client, "conversations/details", query, page_size=2, **FAST))
    assert [item["conversationId"] for item in items] == ["c1", "c2", "c3", "c4"]
    assert app.calls("POST", JOBS)[0].json() == query
    assert len(app.calls("GET", f"{JOBS}/job-1")) == 4 and states == ["QUEUED", "PENDING", "PENDING", "FULFILLED"]
    cursors = [dict(r.query).get("cursor") for r in app.calls("GET", f"{JOBS}/job-1/results")]
    assert cursors == [None, "p2", "p3"]
    assert all(dict(r.query)["pageSize"] == "2" for r in app.calls("GET", f"{JOBS}/job-1/results"))
    assert jobs.states == ["FULFILLED"]


def test_pages_typed_results_and_resuming_a_job(rtpkg, make_client, app):
    JobsApi(app, ["FULFILLED"], jobs="/api/v2/analytics/users/aggregates/jobs", item_key="entities")
    client = make_client(access_token=app.issue()["access_token"])
    pages = list(
        rtpkg.iter_analytics_job(
            client, "users/aggregates", job_id="job-1", pages=True, result_type=rtpkg.CursorListing, **FAST
        )
    )
    assert [type(page).__name__ for page in pages] == ["CursorListing"] * 3
    from rtpkg._models import UNSET

    assert [page.cursor for page in pages] == ["p2", "p3", UNSET]
    assert not app.calls("POST", "/api/v2/analytics/users/aggregates/jobs")  # resumed, not submitted
    items = list(rtpkg.iter_analytics_job(client, "users/aggregates", job_id="job-1", result_type=rtpkg.CursorListing, **FAST))
    assert len(items) == 4 and type(items[0]).__name__ == "User"


@pytest.mark.parametrize(
    ("state", "error"),
    [("FAILED", "AnalyticsJobFailed"), ("CANCELLED", "AnalyticsJobCancelled"), ("EXPIRED", "AnalyticsJobExpired")],
)
def test_a_job_ending_without_results_raises_with_its_id(rtpkg, make_client, app, state, error):
    JobsApi(app, ["QUEUED", state])
    client = make_client(access_token=app.issue()["access_token"])
    with pytest.raises(getattr(rtpkg, error)) as raised:
        list(rtpkg.iter_analytics_job(client, "conversations/details", {"interval": "x"}, **FAST))
    assert isinstance(raised.value, rtpkg.AnalyticsJobError) and isinstance(raised.value, rtpkg.ApiException)
    assert raised.value.job_id == "job-1" and raised.value.state == state
    assert "job-1" in str(raised.value)
    if state == "FAILED":
        assert raised.value.error_message == "query too large"
    assert not app.calls("GET", f"{JOBS}/job-1/results")


def test_a_job_running_past_the_timeout(rtpkg, make_client, app):
    JobsApi(app, ["PENDING"])
    client = make_client(access_token=app.issue()["access_token"])
    with pytest.raises(rtpkg.AnalyticsJobTimeout) as raised:
        list(rtpkg.iter_analytics_job(client, "conversations/details", {}, timeout=0.1, **FAST))
    assert raised.value.job_id == "job-1"


def test_a_job_api_the_sdk_lacks_is_a_typed_404(rtpkg, make_client, app):
    client = make_client(access_token=app.issue()["access_token"])
    with pytest.raises(rtpkg.NotFoundError):
        list(rtpkg.iter_analytics_job(client, "/api/v2/nothing/jobs", {}, **FAST))


def test_async_items_and_failure(rtpkg, server, app, config):
    JobsApi(app, ["QUEUED", "FULFILLED"])

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, client_id=CLIENT_ID, client_secret=CLIENT_SECRET
        ) as client:
            items = [item async for item in rtpkg.aiter_analytics_job(client, "conversations/details", {"q": 1}, **FAST)]
            pages = [p async for p in rtpkg.aiter_analytics_job(client, "conversations/details", job_id="job-1", pages=True, **FAST)]
            return items, pages

    items, pages = asyncio.run(scenario())
    assert [item["conversationId"] for item in items] == ["c1", "c2", "c3", "c4"]
    assert [page.get("cursor") for page in pages] == ["p2", "p3", None]

    server.reset()
    JobsApi(server.app, ["CANCELLED"])

    async def cancelled():
        async with rtpkg.AsyncApiClient(server.url, configuration=config, access_token=server.app.issue()["access_token"]) as client:
            return [item async for item in rtpkg.aiter_analytics_job(client, "conversations/details", {}, **FAST)]

    with pytest.raises(rtpkg.AnalyticsJobCancelled) as raised:
        asyncio.run(cancelled())
    assert raised.value.job_id == "job-1"
