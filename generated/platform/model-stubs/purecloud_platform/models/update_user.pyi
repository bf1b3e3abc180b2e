from .update import UpdateUser as UpdateUser
