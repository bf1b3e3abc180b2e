from .create import CreateUser as CreateUser
