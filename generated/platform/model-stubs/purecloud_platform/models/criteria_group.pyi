from .criteria import CriteriaGroup as CriteriaGroup
