from .alertable import AlertablePresences as AlertablePresences
