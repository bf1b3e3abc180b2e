from .one import OneLogin as OneLogin
