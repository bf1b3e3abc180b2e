from .out import OutOfOffice as OutOfOffice
