from .users import UsersSearchResponse as UsersSearchResponse
