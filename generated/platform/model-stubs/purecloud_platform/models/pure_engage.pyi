from .pure import PureEngage as PureEngage
