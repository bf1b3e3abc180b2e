from .overall import OverallBestPoints as OverallBestPoints
