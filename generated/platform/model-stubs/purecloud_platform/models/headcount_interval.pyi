from .headcount import HeadcountInterval as HeadcountInterval
