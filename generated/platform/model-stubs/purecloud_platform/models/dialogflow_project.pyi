from .dialogflow import DialogflowProject as DialogflowProject
