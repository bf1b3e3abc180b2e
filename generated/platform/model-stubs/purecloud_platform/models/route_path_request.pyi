from .route import RoutePathRequest as RoutePathRequest
