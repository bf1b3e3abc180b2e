from .one import OneOnOne as OneOnOne
