extension ServiceChecks {
    /// GitLab, Slack, Stripe, OpenAI, Anthropic, Hugging Face, npm, Docker Hub, SendGrid, Twilio, AWS.
    static let platforms: [any ServiceCheck] = [
        GitLabCheck(), SlackCheck(), StripeCheck(), OpenAICheck(), AnthropicCheck(), HuggingFaceCheck(), NPMCheck(), DockerHubCheck(),
        SendGridCheck(), TwilioCheck(), AWSCheck(),
    ]
}
