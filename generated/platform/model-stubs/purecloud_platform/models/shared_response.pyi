from .shared import SharedResponse as SharedResponse
