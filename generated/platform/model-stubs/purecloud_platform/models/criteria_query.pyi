from .criteria import CriteriaQuery as CriteriaQuery
