from .criteria import CriteriaItem as CriteriaItem
