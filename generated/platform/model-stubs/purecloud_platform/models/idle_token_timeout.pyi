from .idle import IdleTokenTimeout as IdleTokenTimeout
