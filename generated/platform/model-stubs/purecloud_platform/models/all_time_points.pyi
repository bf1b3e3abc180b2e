from .all import AllTimePoints as AllTimePoints
