"""The runtime's public names and the module defining each (read by the renderer, which
builds the package's lazy ``__init__`` from it; copied into the SDK too, harmlessly).

``api_client``, ``configuration``, ``logger`` and ``rest`` are the official SDK's submodules that
scripts reach as attributes (``<sdk>.api_client.ApiClient()``, ``<sdk>.configuration.host = ...``,
``<sdk>.logger.LogLevel``, ``<sdk>.rest.ApiException``). Each of these modules holds an
attribute of its own name pointing at itself, so the lazy map resolves the name to the module
whether or not it was imported before.
"""

PUBLIC_NAMES: dict[str, str] = {
    # submodules reached as attributes (each module's attribute of its own name is itself)
    "api_client": "api_client",
    "rest": "rest",
    # clients
    "ApiClient": "api_client",
    "AsyncApiClient": "api_client",
    "get_default_api_client": "api_client",
    "get_default_async_api_client": "api_client",
    # configuration, regions, logging
    "configuration": "configuration",
    "Configuration": "configuration",
    "GatewayConfiguration": "configuration",
    "PureCloudRegionHosts": "regions",
    "logger": "logger",
    "Logger": "logger",
    "LogLevel": "logger",
    "LogFormat": "logger",
    # per-request options, responses, hooks
    "RequestOptions": "_request_options",
    "NULL": "_models",
    "ApiResponse": "_response",
    "extended_response": "_response",
    "RequestEvent": "_events",
    "ResponseEvent": "_events",
    # client states and events
    "ClientState": "_events",
    "ClientEvent": "_events",
    "EventKind": "_events",
    "EventBus": "_events",
    "EventSubscription": "_events",
    "RetryPolicy": "_retry",
    "RateLimiter": "_rate_limit",
    "RateLimitState": "_rate_limit",
    # event streams; ``<sdk>.notifications`` is the module (holding itself, like api_client)
    "notifications": "notifications",
    "NotificationChannel": "notifications",
    "AsyncNotificationChannel": "notifications",
    "NotificationEvent": "notifications",
    "ChannelEvent": "notifications",
    "TopicModels": "_topics",
    # pagination
    "iter_pages": "pagination",
    "iter_entities": "pagination",
    "aiter_pages": "pagination",
    "aiter_entities": "pagination",
    # PKCE helpers
    "generate_pkce_code_verifier": "_auth",
    "compute_pkce_code_challenge": "_auth",
    # exceptions
    "ApiException": "rest",
    "ApiStatusError": "rest",
    "BadRequestError": "rest",
    "UnauthorizedError": "rest",
    "ForbiddenError": "rest",
    "NotFoundError": "rest",
    "ConflictError": "rest",
    "RateLimitError": "rest",
    "ServerError": "rest",
    "ApiConnectionError": "rest",
    "ApiTimeoutError": "rest",
    "TokenRefreshError": "rest",
    "ResponseDecodeError": "rest",
    "ConfigFileError": "rest",
    "ClientClosedError": "rest",
    "ClientLoopError": "rest",
    "SettingNotAppliedError": "rest",
    "MissingCredentialsError": "rest",
    # raw calls, token lifecycle
    "TokenSet": "_token_lifecycle",
    "TokenStore": "_token_lifecycle",
    "FileTokenStore": "_token_lifecycle",
    "MemoryTokenStore": "_token_lifecycle",
    # analytics jobs, bulk
    "iter_analytics_job": "_jobs",
    "aiter_analytics_job": "_jobs",
    "AnalyticsJobError": "_jobs",
    "AnalyticsJobFailed": "_jobs",
    "AnalyticsJobCancelled": "_jobs",
    "AnalyticsJobExpired": "_jobs",
    "AnalyticsJobTimeout": "_jobs",
    "run_bulk": "_bulk",
    "arun_bulk": "_bulk",
    "BulkItemResult": "_bulk",
    # notification topics (generic: any SDK can build and match topic names)
    "NotificationTopic": "_topic_names",
}

# Names exported only by SDKs that have the feature (generator/render/features.py decides
# from the spec; the modules behind them are not even present in the others).
FEATURE_NAMES: dict[str, dict[str, str]] = {
    "notification_topics": {"topics": "topics"},
    "guest_chat": {
        "guest_chat": "guest_chat",
        "GuestChatSession": "guest_chat",
        "AsyncGuestChatSession": "guest_chat",
        "GuestChatEvent": "guest_chat",
    },
}
