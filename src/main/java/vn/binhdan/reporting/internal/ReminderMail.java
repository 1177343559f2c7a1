package vn.binhdan.reporting.internal;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends reminder e-mails through the SMTP server of {@code spring.mail.*}. Spring makes the
 * sender only when {@code spring.mail.host} is set; without it nothing is sent, and the caller
 * records that no mail server is configured.
 */
@Component
public class ReminderMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    public ReminderMail(ObjectProvider<JavaMailSender> sender,
                        @Value("${binhdan.reminders.mail-from:no-reply@binhdanhocvuso.local}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    public void send(String to, String subject, String text) throws Exception {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("no mail server configured");
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text, false);
        mail.send(message);
    }
}
