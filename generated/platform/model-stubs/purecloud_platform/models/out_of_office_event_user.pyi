from .out import OutOfOfficeEventUser as OutOfOfficeEventUser
