from .pure import PureCloud as PureCloud
