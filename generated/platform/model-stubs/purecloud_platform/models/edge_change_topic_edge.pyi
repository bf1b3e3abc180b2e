from .edge import EdgeChangeTopicEdge as EdgeChangeTopicEdge
