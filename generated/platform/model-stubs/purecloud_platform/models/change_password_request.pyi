from .change import ChangePasswordRequest as ChangePasswordRequest
