from .comparison import ComparisonPeriod as ComparisonPeriod
