from .web import WebDeployment as WebDeployment
