from .google import GoogleAuthToken as GoogleAuthToken
