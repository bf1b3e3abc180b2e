from .get import GetProfilesResponse as GetProfilesResponse
