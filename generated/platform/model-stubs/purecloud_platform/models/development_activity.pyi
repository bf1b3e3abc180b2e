from .development import DevelopmentActivity as DevelopmentActivity
