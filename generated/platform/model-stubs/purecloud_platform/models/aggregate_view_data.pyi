from .aggregate import AggregateViewData as AggregateViewData
