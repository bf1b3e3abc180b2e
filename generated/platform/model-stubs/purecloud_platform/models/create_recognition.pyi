from .create import CreateRecognition as CreateRecognition
