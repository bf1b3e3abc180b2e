from .overall import OverallBestPointsItem as OverallBestPointsItem
