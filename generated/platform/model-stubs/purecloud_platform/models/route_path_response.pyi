from .route import RoutePathResponse as RoutePathResponse
